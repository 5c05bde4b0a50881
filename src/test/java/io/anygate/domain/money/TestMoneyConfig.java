package io.anygate.domain.money;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** A MoneyConfig for plain unit tests. */
final class TestMoneyConfig {

    private TestMoneyConfig() {
    }

    /** {@code inRequestLookup}: how long a request may have run for its first look-up to run in it. */
    static MoneyConfig lookupInRequestWithin(Duration inRequestLookup) {
        return new MoneyConfig() {
            @Override
            public Duration inRequestLookup() {
                return inRequestLookup;
            }

            @Override
            public java.util.Map<String, DeclineMeaning> declines() {
                return java.util.Map.of();
            }

            @Override
            public ReconcilerConfig reconciler() {
                return new ReconcilerConfig() {
                    @Override
                    public String interval() {
                        return "5s";
                    }

                    @Override
                    public Duration staleAfter() {
                        return Duration.ofSeconds(30);
                    }

                    @Override
                    public Duration lease() {
                        return Duration.ofMinutes(1);
                    }

                    @Override
                    public int batch() {
                        return 50;
                    }
                };
            }

            @Override
            public Limits limits() {
                return new Limits() {
                    @Override
                    public BigDecimal minAmount() {
                        return new BigDecimal("0.01");
                    }

                    @Override
                    public BigDecimal maxAmount() {
                        return new BigDecimal("5000");
                    }

                    @Override
                    public Optional<BigDecimal> perDay() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<BigDecimal> perFourDays() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<BigDecimal> perWeek() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<BigDecimal> perMonth() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<BigDecimal> perYear() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Integer> maxLoadsPerDay() {
                        return Optional.empty();
                    }
                };
            }
        };
    }
}
