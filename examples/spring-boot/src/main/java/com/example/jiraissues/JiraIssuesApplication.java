package com.example.jiraissues;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Signs a person in with Atlassian, then lists the Jira issues they may see on the configured site. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JiraIssuesApplication {

    public static void main(String[] args) {
        SpringApplication.run(JiraIssuesApplication.class, args);
    }
}
