package nl.duiding.connector.kb;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Service;

import feign.RetryableException;

/**
 * The sidebar's view of kb-service. Every read runs through one circuit breaker with a time limit
 * ({@code duiding.kb.sidebar-timeout}); when kb-service is slow, down or the breaker is open, the answer comes from
 * the local cache and is marked degraded, so the agent keeps working and the CRM is never blocked. A request that
 * kb-service rejects as wrong ({@link KbRejected}) is not an outage and is passed on as it is.
 */
@Service
public class KnowledgeBase {

    static final String BREAKER = "kb-service";
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KbClients.MatchingClient matching;
    private final KbClients.NarrativesClient narratives;
    private final KbClients.FeedbackClient feedback;
    private final KbClients.ResidentsClient residents;
    private final KbClients.CampaignsClient campaigns;
    private final OfflineKnowledge offline;
    private final CircuitBreaker breaker;

    KnowledgeBase(KbClients.MatchingClient matching, KbClients.NarrativesClient narratives,
            KbClients.FeedbackClient feedback, KbClients.ResidentsClient residents,
            KbClients.CampaignsClient campaigns, OfflineKnowledge offline, CircuitBreakerFactory<?, ?> breakers) {
        this.matching = matching;
        this.narratives = narratives;
        this.feedback = feedback;
        this.residents = residents;
        this.campaigns = campaigns;
        this.offline = offline;
        this.breaker = breakers.create(BREAKER);
    }

    public Answer<KbApi.MatchResponse> match(String text, String channel, String tenant) {
        return read(() -> matching.match(new KbApi.MatchRequest(text, channel, tenant)),
                () -> offline.match(text, channel, tenant));
    }

    /** Narratives as the agent types, those of the contact's municipality ({@code tenant}) and the national ones. */
    public Answer<List<KbApi.Suggestion>> suggest(String typed, int size, String tenant) {
        return read(() -> matching.suggest(typed, size, tenant).suggestions(),
                () -> offline.suggest(typed, size, tenant));
    }

    /**
     * The published narrative as the agents of {@code tenant} see it (their own version when there is one), or an
     * empty answer when neither kb-service nor the cache knows the slug.
     */
    public Answer<KbApi.Narrative> narrative(String slug, String tenant) {
        return read(() -> narratives.narrative(slug, tenant), () -> offline.narrative(slug, tenant).orElse(null));
    }

    /**
     * Earlier contacts of a resident; nothing (degraded) when kb-service cannot say, and nothing when it refuses
     * (a kb-service without this endpoint answers 404): the sidebar works without this panel.
     */
    public Answer<KbApi.History> history(String residentHash, String tenant) {
        return orEmpty(() -> read(() -> residents.history(residentHash, tenant), () -> new KbApi.History(List.of())),
                new KbApi.History(List.of()));
    }

    /** Running belacties of the tenant; nothing when kb-service cannot say or refuses, as for {@link #history}. */
    public Answer<KbApi.Campaigns> activeCampaigns(String tenant) {
        return orEmpty(() -> read(() -> campaigns.active(tenant), () -> new KbApi.Campaigns(List.of())),
                new KbApi.Campaigns(List.of()));
    }

    private static <T> Answer<T> orEmpty(Supplier<Answer<T>> call, T empty) {
        try {
            return call.get();
        } catch (KbRejected e) {
            log.debug("kb-service refused an optional sidebar call: {}", e.getMessage());
            return Answer.live(empty);
        }
    }

    /**
     * Sends one click of feedback, once (never retried: each click counts).
     *
     * @throws KbUnavailable when kb-service cannot take it now
     * @throws KbRejected    when kb-service refuses it as wrong
     */
    public void feedback(KbApi.Feedback click) {
        try {
            feedback.feedback(click);
        } catch (RuntimeException e) {
            throw KbFailures.classify(e);
        }
    }

    private <T> Answer<T> read(Supplier<T> live, Supplier<T> cached) {
        return breaker.run(() -> Answer.live(live.get()), failure -> {
            if (KbFailures.classify(failure) instanceof KbRejected rejected) {
                throw rejected;
            }
            log.warn("kb-service unavailable ({}); answering from the cache", describe(failure));
            return Answer.fromCache(cached.get());
        });
    }

    /**
     * For the log: the failure's class, and its message only where that cannot quote a request — a Feign exception's
     * message holds the URL, and a suggestion's URL holds what the agent typed.
     */
    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof RetryableException && failure.getCause() != null
                ? failure.getCause() : failure;
        boolean plain = cause instanceof KbUnavailable || cause.getClass().getPackageName().startsWith("java.net");
        return cause.getClass().getSimpleName() + (!plain || cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
