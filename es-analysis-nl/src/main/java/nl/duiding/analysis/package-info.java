/**
 * Elasticsearch stable-plugin components for Dutch analysis. Each class is one component named
 * {@code duiding_…}; settings arrive through the {@code @AnalysisSettings} interfaces. Keep
 * {@code src/main/plugin-metadata/named_components.json} in step with the annotations (a unit test
 * checks it). The Lucene work lives in {@link nl.duiding.analysis.lucene}.
 */
package nl.duiding.analysis;
