package com.example.jiraissues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

@Configuration
class SecurityConfig {

    // doc:begin sign-in
    /** Every page needs a signed-in user; with one registration, Spring sends them straight to Atlassian. */
    @Bean
    SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(atlassianAuthorizeUrl(registrations))));
        return http.build();
    }

    /**
     * Atlassian's authorize URL carries two parameters that are not OAuth 2.0's, both required by Atlassian's Jira 3LO
     * docs: {@code audience=api.atlassian.com} (the API the token is for) and {@code prompt=consent} (the consent screen).
     */
    private static DefaultOAuth2AuthorizationRequestResolver atlassianAuthorizeUrl(ClientRegistrationRepository registrations) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                DefaultOAuth2AuthorizationRequestResolver.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(request -> request.additionalParameters(parameters -> {
            parameters.put("audience", "api.atlassian.com");
            parameters.put("prompt", "consent");
        }));
        return resolver;
    }
    // doc:end

    // doc:begin rest-client
    /** Hands out the signed-in user's access token, refreshing it (a rotating refresh token) when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        return manager;
    }

    /** Calls api.atlassian.com with the user's bearer token, chosen per request by the registration id. */
    @Bean
    RestClient atlassianRestClient(OAuth2AuthorizedClientManager manager, AtlassianProperties atlassian) {
        return RestClient.builder()
                .baseUrl(atlassian.apiUrl())
                .requestInterceptor(new OAuth2ClientHttpRequestInterceptor(manager))
                .build();
    }
    // doc:end
}
