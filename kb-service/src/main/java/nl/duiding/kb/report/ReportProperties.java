package nl.duiding.kb.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily report.
 *
 * @param cron              when the scheduler makes yesterday's reports (Spring cron, in {@code duiding.signals.zone})
 * @param baselineWeeks     past weeks of the same weekday the counts are compared with
 * @param priorPerDay       prior mean contacts per narrative per day, before any history (RateBaseline)
 * @param priorWeeks        how many weeks of history the prior is worth
 * @param alpha             p-value below which a count is "boven verwachting"
 * @param minUnusual        fewer contacts are never called unusual
 * @param backgroundDays    background period of the emerging-topic terms
 */
@ConfigurationProperties("duiding.reports")
public record ReportProperties(
        @DefaultValue("0 30 6 * * *") String cron,
        @DefaultValue("6") int baselineWeeks,
        @DefaultValue("2.0") double priorPerDay,
        @DefaultValue("1.0") double priorWeeks,
        @DefaultValue("0.001") double alpha,
        @DefaultValue("5") int minUnusual,
        @DefaultValue("30") int backgroundDays) {
}
