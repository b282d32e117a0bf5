package nl.duiding.kb.signal;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Contact signals.
 *
 * @param maxBatch        items per {@code POST /api/v1/signals}
 * @param maxTextLength   characters of text per signal; longer items are rejected (the rest of the batch is kept)
 * @param maxFutureSkew   how far in the future a timestamp may lie (clocks of CRMs drift)
 * @param maxAge          older signals are refused as "te oud": a CRM re-sending its archive is a mistake
 * @param textRetention   how long scrubbed text, resident hash and band keys are kept (whole days)
 * @param countRetention  how long the counts per narrative, channel and hour are kept (whole months)
 * @param zone            the municipalities' time zone: days and hours in reports and baselines
 * @param retentionCheck  how often expired indices are looked for
 */
@ConfigurationProperties("duiding.signals")
public record SignalProperties(
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("20000") int maxTextLength,
        @DefaultValue("5m") Duration maxFutureSkew,
        @DefaultValue("90d") Duration maxAge,
        @DefaultValue("30d") Duration textRetention,
        @DefaultValue("730d") Duration countRetention,
        @DefaultValue("Europe/Amsterdam") ZoneId zone,
        @DefaultValue("1h") Duration retentionCheck) {
}
