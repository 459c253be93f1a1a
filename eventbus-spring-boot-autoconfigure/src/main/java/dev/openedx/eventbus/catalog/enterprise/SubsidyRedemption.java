package dev.openedx.eventbus.catalog.enterprise;

/**
 * Data related to a Subsidy Redemption object. Mirrors openedx-events {@code enterprise.SubsidyRedemption}.
 *
 * @since 0.1.0
 */
public record SubsidyRedemption(String subsidyIdentifier, String contentKey, long lmsUserId) {

}
