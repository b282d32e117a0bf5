package nl.duiding.connector.klantinteracties;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import nl.duiding.connector.kb.KbApi;

/** A klantcontact as a kb-service contact signal. The CRM's resident id is hashed, never passed on. */
@Mapper
interface KlantcontactMapper {

    /** What the mapping needs besides the record: who sends, for whom, and how to name channel and resident. */
    record Origin(String source, String tenant, ChannelNames channels, java.util.function.UnaryOperator<String> hash) {
    }

    @Mapping(target = "source", expression = "java(origin.source())")
    @Mapping(target = "tenant", expression = "java(origin.tenant())")
    @Mapping(target = "externalId", source = "uuid")
    @Mapping(target = "channel", expression = "java(origin.channels().channel(contact.kanaal()))")
    @Mapping(target = "occurredAt", source = "plaatsgevondenOp")
    @Mapping(target = "text", source = "inhoud")
    @Mapping(target = "subject", source = "onderwerp")
    @Mapping(target = "residentHash", expression = "java(origin.hash().apply(contact.residentId()))")
    @Mapping(target = "matchedSlugs", ignore = true)
    @Mapping(target = "confirmedSlugs", ignore = true)
    @Mapping(target = "feedback", ignore = true)
    KbApi.Signal toSignal(Klantcontact contact, @Context Origin origin);

    default Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
