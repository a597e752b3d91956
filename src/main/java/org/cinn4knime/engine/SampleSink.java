package org.cinn4knime.engine;

/** Receives sampled designs chunk by chunk. */
public interface SampleSink {
    void accept(SampleChunk chunk) throws CinnException;
}
