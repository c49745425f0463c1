package dev.cantata.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Credits of the account the client's key stands for (5 a clip). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Quota(
        @JsonProperty("credits_left") int creditsLeft,
        String period,
        @JsonProperty("monthly_limit") int monthlyLimit,
        @JsonProperty("monthly_usage") int monthlyUsage) {}
