package nl.duiding.analysis.lucene;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Emits every token unchanged, followed by the parts of a compound stacked on the same position
 * (increment 0) with the compound's offsets, type and position length. Indexed this way, a search
 * for "verkiezingen" finds "gemeenteraadsverkiezingen"; analysed this way at search time, the
 * compound also finds texts that use only its parts. A token a synonym filter added (type
 * {@code SYNONYM}) is not split: its parts are words the writer did not use ("azc" →
 * "asielzoekerscentrum" → "centrum" would find every text about the town centre).
 */
public final class DecompoundFilter extends TokenFilter {

    private final DutchCompoundSplitter splitter;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    private final Deque<String> pendingParts = new ArrayDeque<>();
    private State compoundState;

    public DecompoundFilter(TokenStream input, DutchCompoundSplitter splitter) {
        super(input);
        this.splitter = splitter;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pendingParts.isEmpty()) {
            restoreState(compoundState);
            termAtt.setEmpty().append(pendingParts.removeFirst());
            posIncAtt.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (SynonymGraphFilter.TYPE_SYNONYM.equals(typeAtt.type())) {
            return true;
        }
        pendingParts.addAll(splitter.split(termAtt.toString()));
        if (!pendingParts.isEmpty()) {
            compoundState = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingParts.clear();
        compoundState = null;
    }
}
