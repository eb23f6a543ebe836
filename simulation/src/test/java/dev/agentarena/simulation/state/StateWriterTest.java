package dev.agentarena.simulation.state;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StateWriterTest {

    @Test
    void aReusedWriterKeepsTheStringsItWritesAgainAndForgetsTheOnesItWroteOnce() {
        List<String> labels = IntStream.range(0, 100).mapToObj(i -> "label-" + i).toList();
        StateWriter out = new StateWriter();
        for (int state = 0; state < 200; state++) {
            out.reset();
            labels.forEach(out::writeString);
            // A new instance each state, like a logged error message.
            out.writeString("failure at state " + state);
        }
        assertThat(out.encodedStrings()).isEqualTo(labels.size() + 200);

        for (int state = 200; state < 20_000; state++) {
            out.reset();
            labels.forEach(out::writeString);
            out.writeString("failure at state " + state);
        }
        assertThat(out.encodedStrings()).isBetween(labels.size(), StateWriter.MAX_ENCODED_STRINGS + 1);
    }
}
