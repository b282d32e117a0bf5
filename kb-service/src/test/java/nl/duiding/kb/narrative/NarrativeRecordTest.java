package nl.duiding.kb.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import nl.duiding.kb.support.NarrativeSamples;
import org.junit.jupiter.api.Test;

class NarrativeRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private final NarrativeRecord concept = NarrativeRecord.create(NarrativeSamples.narrative("model"), "anna", T0);

    @Test
    void startsAsConceptVersionOneByItsAuthor() {
        assertThat(concept.status()).isEqualTo(NarrativeStatus.CONCEPT);
        assertThat(concept.version()).isEqualTo(1);
        assertThat(concept.author()).isEqualTo("anna");
        assertThat(concept.lastEditor()).isEqualTo("anna");
    }

    @Test
    void goesThroughReviewToPublishedWithAnotherApprover() {
        NarrativeRecord review = concept.submitForReview("anna", T1);
        NarrativeRecord published = review.publish("bert", T1);

        assertThat(review.status()).isEqualTo(NarrativeStatus.REVIEW);
        assertThat(published.status()).isEqualTo(NarrativeStatus.GEPUBLICEERD);
        assertThat(published.version()).isEqualTo(3);
        assertThat(published.publishedBy()).isEqualTo("bert");
        assertThat(published.publishedAt()).isEqualTo(T1);
        assertThat(published.lastEditor()).isEqualTo("anna");
    }

    @Test
    void rejectsPublishBySameEditor() {
        NarrativeRecord review = concept.submitForReview("anna", T1);

        assertThatThrownBy(() -> review.publish("anna", T1)).isInstanceOf(FourEyesViolation.class);
    }

    @Test
    void countsWhoChangedTheContentNotWhoSubmittedIt() {
        NarrativeRecord review = concept.edit(NarrativeSamples.narrative("model"), "carla", T1)
                .submitForReview("anna", T1);

        assertThatThrownBy(() -> review.publish("carla", T1)).isInstanceOf(FourEyesViolation.class);
        assertThat(review.publish("anna", T1).status()).isEqualTo(NarrativeStatus.GEPUBLICEERD);
    }

    @Test
    void refusesToPublishAConcept() {
        assertThatThrownBy(() -> concept.publish("bert", T1)).isInstanceOf(WorkflowViolation.class);
    }

    @Test
    void sendsAReviewBackToConcept() {
        NarrativeRecord rejected = concept.submitForReview("anna", T1).reject("bert", T1);

        assertThat(rejected.status()).isEqualTo(NarrativeStatus.CONCEPT);
        assertThatThrownBy(() -> rejected.reject("bert", T1)).isInstanceOf(WorkflowViolation.class);
    }

    @Test
    void makesAnyEditAConceptAgainButKeepsThePublicationFacts() {
        NarrativeRecord published = concept.submitForReview("anna", T1).publish("bert", T1);
        NarrativeRecord edited = published.edit(NarrativeSamples.narrative("model"), "anna", T1);

        assertThat(edited.status()).isEqualTo(NarrativeStatus.CONCEPT);
        assertThat(edited.version()).isEqualTo(4);
        assertThat(edited.publishedAt()).isEqualTo(T1);
    }

    @Test
    void archivesOnceFromAnyOtherStatus() {
        NarrativeRecord archived = concept.archive("bert", T1);

        assertThat(archived.status()).isEqualTo(NarrativeStatus.GEARCHIVEERD);
        assertThatThrownBy(() -> archived.archive("bert", T1)).isInstanceOf(WorkflowViolation.class);
        assertThatThrownBy(() -> archived.submitForReview("anna", T1)).isInstanceOf(WorkflowViolation.class);
    }

    @Test
    void keepsSlugAndTenantOnEdit() {
        assertThatThrownBy(() -> concept.edit(NarrativeSamples.narrative("ander"), "anna", T1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restoresAnEarlierVersionAsANewConcept() {
        NarrativeRecord changed = concept.edit(NarrativeSamples.narrative("model", TenantCode.NATIONAL, "Andere titel"),
                "anna", T1).submitForReview("anna", T1);

        NarrativeRecord restored = changed.restore(concept, "bert", T1);

        assertThat(restored.narrative()).isEqualTo(concept.narrative());
        assertThat(restored.status()).isEqualTo(NarrativeStatus.CONCEPT);
        assertThat(restored.version()).isEqualTo(4);
        assertThat(restored.lastEditor()).isEqualTo("bert");
    }

    @Test
    void importsAFileAsOneVersionInItsStatus() {
        NarrativeRecord first = NarrativeRecord.imported(null, NarrativeSamples.narrative("model"),
                NarrativeStatus.GEPUBLICEERD, "redactie", "content-import", "hash1", T0);
        NarrativeRecord second = NarrativeRecord.imported(first, NarrativeSamples.narrative("model"),
                NarrativeStatus.CONCEPT, "redactie", "content-import", "hash2", T1);

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.publishedBy()).isEqualTo("content-import");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.contentHash()).isEqualTo("hash2");
        assertThat(second.publishedAt()).isEqualTo(T0);
    }
}
