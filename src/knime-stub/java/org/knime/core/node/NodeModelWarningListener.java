package org.knime.core.node;

import java.util.EventListener;

import org.knime.core.node.message.Message;

/** Stand-in (test harness only): notified when a node model's warning changes. */
public interface NodeModelWarningListener extends EventListener {

    void warningChanged(Message warning);
}
