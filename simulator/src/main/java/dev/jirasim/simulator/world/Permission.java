package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonValue;

/** Project permissions a user may hold (Jira's Browse projects, Create/Edit/Delete issues, Administer projects). */
public enum Permission {
    BROWSE, CREATE, EDIT, DELETE, ADMINISTER;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }
}
