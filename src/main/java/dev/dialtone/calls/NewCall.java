package dev.dialtone.calls;

import dev.dialtone.web.WebhookMethod;
import java.util.List;

/** A validated create request: every parameter of {@code CreateCallRequest}, typed. */
public record NewCall(
        String to,
        String from,
        String url,
        WebhookMethod method,
        String twiml,
        String applicationSid,
        String fallbackUrl,
        WebhookMethod fallbackMethod,
        String statusCallback,
        WebhookMethod statusCallbackMethod,
        List<String> statusCallbackEvents,
        String sendDigits,
        int timeout,
        Integer timeLimit,
        boolean record,
        String recordingChannels,
        String recordingStatusCallback,
        WebhookMethod recordingStatusCallbackMethod,
        List<String> recordingStatusCallbackEvents,
        String recordingTrack,
        String trim,
        String sipAuthUsername,
        String sipAuthPassword,
        String machineDetection,
        Integer machineDetectionTimeout,
        Integer machineDetectionSpeechThreshold,
        Integer machineDetectionSpeechEndThreshold,
        Integer machineDetectionSilenceTimeout,
        Boolean asyncAmd,
        String asyncAmdStatusCallback,
        WebhookMethod asyncAmdStatusCallbackMethod,
        String byoc,
        String callReason,
        String callToken,
        String callerId,
        String clientNotificationUrl) {}
