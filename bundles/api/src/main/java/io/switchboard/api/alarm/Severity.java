package io.switchboard.api.alarm;

/** Alarm severities, as ITU X.733 names them. */
public enum Severity { CRITICAL, MAJOR, MINOR, WARNING }
