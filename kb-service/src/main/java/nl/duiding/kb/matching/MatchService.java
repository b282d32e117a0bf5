package nl.duiding.kb.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.duiding.kb.campaign.ActiveCampaigns;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.ScriptChannel;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.stereotype.Service;

/** Answers a match request: the best narratives above the threshold, with evidence and the channel's script. */
@Service
public class MatchService {

    private final Matcher matcher;
    private final MatchSearch search;
    private final MatchProperties properties;
    private final ActiveCampaigns campaigns;

    MatchService(Matcher matcher, MatchSearch search, MatchProperties properties, ActiveCampaigns campaigns) {
        this.matcher = matcher;
        this.search = search;
        this.properties = properties;
        this.campaigns = campaigns;
    }

    public MatchResponse match(String text, ContactChannel channel, TenantCode tenant) {
        Set<String> tenants = tenant == null || tenant.isNational()
                ? Set.of(TenantCode.NATIONAL.value())
                : new LinkedHashSet<>(List.of(TenantCode.NATIONAL.value(), tenant.value()));

        // A municipality's own version of a narrative replaces the national one for its agents.
        Map<String, Matcher.Found> bySlug = new LinkedHashMap<>();
        for (Matcher.Found found : matcher.score(text, tenants)) {
            if (found.score() < (found.longText() ? properties.longTextMinScore() : properties.minScore())) {
                continue;
            }
            Matcher.Found existing = bySlug.get(found.slug());
            if (existing == null || (TenantCode.NATIONAL.value().equals(existing.tenant())
                    && !TenantCode.NATIONAL.value().equals(found.tenant()))) {
                bySlug.put(found.slug(), found);
            }
        }
        List<Matcher.Found> best = bySlug.values().stream().limit(properties.maxResults()).toList();
        Map<String, Narrative> narratives = search.narratives(best.stream().map(Matcher.Found::group).toList());

        ScriptChannel scriptChannel = channel.scriptChannel();
        List<MatchResponse.MatchedNarrative> matches = new ArrayList<>();
        for (Matcher.Found found : best) {
            Narrative narrative = narratives.get(found.group());
            if (narrative == null) {
                continue; // withdrawn between search and fetch
            }
            matches.add(new MatchResponse.MatchedNarrative(
                    narrative.slug().value(),
                    narrative.title(),
                    Math.round(found.score() * 1000) / 1000.0,
                    confidence(found.score()),
                    Evidence.fragments(found.window(), found.scored().covered()),
                    MatchResponse.ScriptForChannel.of(scriptChannel.code(),
                            narrative.scripts().forChannel(scriptChannel)),
                    narrative.category().code(),
                    narrative.risk().code(),
                    narrative.tenant().value(),
                    found.scored().closestPhrasing(),
                    narrative.legalPosition(),
                    narrative.safetySignals().isEmpty() ? null : narrative.safetySignals(),
                    narrative.playbook()));
        }
        List<String> shown = matches.stream().map(MatchResponse.MatchedNarrative::slug).toList();
        return new MatchResponse(matches, List.copyOf(campaigns.forNarratives(tenant, shown)));
    }

    /**
     * The given trigger phrasings ranked by how much of each {@code text} contains, best first: for an editor who
     * wants to know which phrasing of a narrative would have caught a text that was missed, and what it lacked.
     */
    public List<PhrasingCoverage> rankPhrasings(String text, List<String> phrasings) {
        List<String> usable = phrasings.stream().filter(p -> p != null && !p.isBlank()).distinct().toList();
        if (text == null || text.isBlank() || usable.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(usable.size() + 1);
        texts.add(text);
        texts.addAll(usable);
        List<QueryTerms> analysed = search.analyse(texts);
        return PhrasingRanking.rank(analysed.getFirst(), analysed.subList(1, analysed.size()));
    }

    String confidence(double score) {
        if (score >= properties.highConfidence()) {
            return "hoog";
        }
        return score >= properties.middleConfidence() ? "middel" : "laag";
    }
}
