package dev.openedx.eventbus.catalog.enterprise;

import java.util.UUID;

/**
 * Attributes of an {@code enterprise.EnterpriseGroup} record. Mirrors openedx-events
 * {@code enterprise.EnterpriseGroup}.
 *
 * @since 0.1.0
 */
public record EnterpriseGroup(UUID uuid) {

}
