package nl.duiding.kb.claimreview;

/** Someone downloaded the published narratives as a ClaimReview JSON-LD file (the editor's export page). */
public record ClaimReviewsExported(int narratives) {
}
