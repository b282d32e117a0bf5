package nl.duiding.kb.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.duiding.kb.web.Problems;

/** Why one item of a batch was refused: an RFC 9457-shaped problem (Dutch), with the field when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemProblem(String type, String title, String detail, String field) {

    static ItemProblem of(String type, String title, String detail, String field) {
        return new ItemProblem(Problems.TYPE_BASE + type, title, detail, field);
    }
}
