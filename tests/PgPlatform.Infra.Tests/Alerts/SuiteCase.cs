namespace PgPlatform.Infra.Tests.Alerts;

/// <summary>One <c>alert_rule_test</c> entry: <paramref name="Alert"/> must fire (<paramref name="Fires"/>) or stay silent, given series of <paramref name="InputMetrics"/>.</summary>
public sealed record SuiteCase(string Alert, bool Fires, IReadOnlySet<string> InputMetrics);
