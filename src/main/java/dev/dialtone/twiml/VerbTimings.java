package dev.dialtone.twiml;

import java.time.Duration;

/** How long verbs take, before the simulation's speed factor is applied. */
public record VerbTimings(Duration sayPerCharacter, Duration play, Duration unsimulated) {}
