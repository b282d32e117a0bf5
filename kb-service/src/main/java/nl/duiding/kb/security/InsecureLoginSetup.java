package nl.duiding.kb.security;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused: the production profile with local credentials, or without an identity provider. */
final class InsecureLoginSetup extends IllegalStateException {

    private final List<String> problems;

    InsecureLoginSetup(List<String> problems) {
        super("kb-service will not start in the 'prod' profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

    /** Prints the reasons as Spring Boot's plain "APPLICATION FAILED TO START" text, without a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<InsecureLoginSetup> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, InsecureLoginSetup cause) {
            return new FailureAnalysis("kb-service will not start in the 'prod' profile:\n  - "
                    + String.join("\n  - ", cause.problems()),
                    "Configure the municipality's identity provider and remove local credentials; see README.md, "
                            + "\"Production login\".", cause);
        }
    }
}
