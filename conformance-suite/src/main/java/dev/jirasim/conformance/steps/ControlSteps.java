package dev.jirasim.conformance.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jirasim.conformance.model.Step;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.JsonErrors;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.faults.FaultRuleReader;
import dev.jirasim.simulator.world.Consent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A control step as one call of {@link SimulatorControl}. The scenario's argument becomes the value the call
 * takes, read as the simulator reads the same JSON (so a bad argument fails with the simulator's words); a seed
 * file goes as its text, for the target to read.
 */
final class ControlSteps {
    private static final FaultRuleReader FAULT_RULES = new FaultRuleReader(Json.MAPPER);

    /** A {@code setClock} argument: the members of {@code PUT /__admin/clock}. */
    record ClockSetting(Instant now, Boolean frozen) {
    }

    private ControlSteps() {
    }

    static void run(SimulatorControl control, Step.ControlStep step, Variables vars) {
        switch (step.kind()) {
            case RESET -> control.reset();
            case SEED -> control.replaceWorld(text((Path) step.argument()));
            case ADVANCE_CLOCK -> control.advanceClock(Duration.ofSeconds((Long) step.argument()));
            case SET_CLOCK -> {
                ClockSetting clock = read(step, vars, ClockSetting.class);
                control.setClock(clock.now(), clock.frozen());
            }
            case CONSENT -> control.consent(read(step, vars, Consent.class));
            case FAULT -> control.addFaults(FAULT_RULES.read(Json.MAPPER.valueToTree(Templates.renderTree(step.argument(), vars))));
            case CLEAR_FAULTS -> control.clearFaults();
        }
    }

    private static <T> T read(Step.ControlStep step, Variables vars, Class<T> type) {
        try {
            return Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(Templates.renderTree(step.argument(), vars)), type);
        } catch (JsonProcessingException e) {
            throw new StepFailure("control step " + step.kind().key + ": " + JsonErrors.describe(e));
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new StepFailure("cannot read " + file + ": " + e.getMessage());
        }
    }
}
