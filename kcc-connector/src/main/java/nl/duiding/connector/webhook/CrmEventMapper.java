package nl.duiding.connector.webhook;

import java.time.Instant;

import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import nl.duiding.connector.kb.KbApi;

/** A webhook event as a kb-service contact signal; the resident id is replaced by its keyed hash. */
@Mapper
interface CrmEventMapper {

    record Origin(String source, String tenant, java.util.function.UnaryOperator<String> hash) {
    }

    @Mapping(target = "source", expression = "java(origin.source())")
    @Mapping(target = "tenant", expression = "java(origin.tenant())")
    @Mapping(target = "externalId", source = "id")
    @Mapping(target = "occurredAt", source = "occurredAt")
    @Mapping(target = "residentHash", expression = "java(origin.hash().apply(event.residentId()))")
    @Mapping(target = "confirmedSlugs", source = "narratives")
    @Mapping(target = "matchedSlugs", ignore = true)
    @Mapping(target = "feedback", ignore = true)
    KbApi.Signal toSignal(CrmEvents.CrmEvent event, @Context Origin origin);

    default Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}
