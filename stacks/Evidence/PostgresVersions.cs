using System.Globalization;

namespace PgPlatform.Stacks.Evidence;

/// <summary>Compares the PostgreSQL a declaration names (an image tag) with the one a target ran (<c>SHOW server_version</c>).</summary>
public static class PostgresVersions
{
    private const string MismatchPrefix = "MAJOR VERSION MISMATCH";

    /// <summary>
    /// The major version in <paramref name="version"/>: the leading number of <c>15.15 (Debian ...)</c>, or of an image's
    /// tag (<c>ghcr.io/cloudnative-pg/postgresql:17.6-standard-bookworm</c>); null when there is none.
    /// </summary>
    public static int? Major(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var tag = version.Contains('/', StringComparison.Ordinal) || version.Contains(':', StringComparison.Ordinal) ? version[(version.LastIndexOf(':') + 1)..] : version;
        var digits = new string(tag.TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    /// <summary>True when <paramref name="comparison"/> (from <see cref="Compare"/>) states a major mismatch.</summary>
    public static bool Mismatch(string comparison) => comparison.StartsWith(MismatchPrefix, StringComparison.Ordinal);

    /// <summary>The comparison in plain words; a differing major is stated as such, with what it means for the proof.</summary>
    public static string Compare(string? declaredImage, string ranVersion)
    {
        var ran = Major(ranVersion);
        if (declaredImage is null)
        {
            return $"no declared image (lab self-test); ran PostgreSQL {ranVersion}";
        }

        var declared = Major(declaredImage);
        if (declared is null || ran is null)
        {
            return $"declared {declaredImage}, ran PostgreSQL {ranVersion}: the versions could not be compared";
        }

        return declared == ran
            ? $"declared {declaredImage}, ran PostgreSQL {ranVersion}: same major ({ran})"
            : $"{MismatchPrefix}: the stack declares PostgreSQL {declared} ({declaredImage}) but this drill ran PostgreSQL {ranVersion}; it proves the declared shape on PostgreSQL {ran}, not on PostgreSQL {declared}";
    }
}
