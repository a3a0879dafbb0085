package dev.dialtone.calls;

import java.math.BigDecimal;

/** What a started minute costs, for a call an update ends; the simulation's settings say. */
public interface CallPricing {
    BigDecimal pricePerMinute();
}
