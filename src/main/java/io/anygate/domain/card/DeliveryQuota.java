package io.anygate.domain.card;

import java.time.LocalDate;

/**
 * The daily sends of each card's delivery services (port; the store keeps them, so that every replica counts the
 * same sends).
 */
public interface DeliveryQuota {

    /**
     * Takes one send of {@code service} for the card on {@code day}, atomically: true when fewer than {@code max}
     * were taken before (and this one now counts), false otherwise (nothing counted).
     */
    boolean take(long cardId, String service, LocalDate day, int max);
}
