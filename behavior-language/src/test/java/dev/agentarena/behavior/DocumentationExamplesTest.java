package dev.agentarena.behavior;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/behaviors.md is the spec given to the copilot: every example in it must be a valid behavior. */
class DocumentationExamplesTest {

    private static final Path DOC = Path.of("..", "docs", "behaviors.md");

    @Test
    void everyJsonExampleValidates() throws IOException {
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> examples = new ArrayList<>();
        while (blocks.find()) {
            examples.add(blocks.group(1));
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (String example : examples) {
            assertThat(BehaviorValidator.validate(example).diagnostics()).as(example).isEmpty();
        }
    }

    @Test
    void everySuggestedFixValidates() {
        for (String weight : List.of("math.least(1.0, 10.0 / math.greatest(nearestEnemy.distance, 10.0))",
                "nearestEnemy.exists ? math.least(nearestEnemy.distance / 150.0, 1.0) : 0.0")) {
            assertThat(BehaviorValidator.validate(BehaviorJson.oneRule("true", weight)).diagnostics()).as(weight).isEmpty();
        }
        assertThat(BehaviorValidator.validate(BehaviorJson.oneRule("enemies.visual > 2", "1")).ok()).isTrue();
    }
}
