package dev.openedx.eventbus.catalog.enterprise;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Attributes of an {@code openedx_ledger.Reversal} record. Mirrors openedx-events
 * {@code enterprise.LedgerTransactionReversal}, fields of {@code BaseLedgerTransaction} first.
 *
 * @since 0.1.0
 */
public record LedgerTransactionReversal(UUID uuid, OffsetDateTime created, OffsetDateTime modified,
		String idempotencyKey, long quantity, String state) {

}
