package nl.duiding.connector.klantinteracties;

import java.util.List;

import nl.duiding.connector.kb.KbApi;

/**
 * Where the adapter delivers signals: kb-service's signal bulk ({@code ContactSignals::send}) in the application.
 * One result per signal, in order; throws when nothing of the batch may be taken as acknowledged.
 */
@FunctionalInterface
interface SignalSink {

    List<KbApi.SignalResult> send(List<KbApi.Signal> signals);
}
