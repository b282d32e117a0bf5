package nl.duiding.kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.io.IOException;

import nl.duiding.kb.privacy.ContactScrubber;
import org.junit.jupiter.api.Test;

class ScrubbedFailuresTest {

    private final ScrubbedFailures failures = new ScrubbedFailures(new ContactScrubber());

    @Test
    void logsNoPersonalDataQuotedInAnExceptionMessageButKeepsWhatAndWhere() {
        IOException cause = new IOException("query failed near 'bel mij op 06-12345678, bsn 111222333'");
        RuntimeException failure = new UncheckedIOException("search failed for jan@voorbeeld.nl", cause);

        String line = failures.describe(failure);

        assertThat(line).doesNotContain("12345678", "111222333", "jan@voorbeeld.nl")
                .contains("UncheckedIOException", "IOException", "[telefoon]", "[bsn]", "[e-mail]",
                        "ScrubbedFailuresTest.logsNoPersonalDataQuotedInAnExceptionMessageButKeepsWhatAndWhere");
    }

    @Test
    void shortensLongMessagesAndFollowsAtMostFiveCauses() {
        Throwable failure = new IllegalStateException("x".repeat(5000));
        for (int i = 0; i < 10; i++) {
            failure = new RuntimeException("laag " + i, failure);
        }

        String line = failures.describe(failure);

        assertThat(line.split(" ← ")).hasSize(5);
        assertThat(line.length()).isLessThan(2000);
    }
}
