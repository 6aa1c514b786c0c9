using System.Diagnostics;
using System.Globalization;
using System.Text;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Synthesis;

/// <summary>
/// Replaces an output directory with freshly synthesized files, all at once: everything is written into a staging
/// directory next to it and renamed into place only when complete, so a failure leaves the old directory as it was
/// and never a partial tree. A non-empty directory pg-platform did not write is refused unless forced.
/// </summary>
public static class ArtifactWriter
{
    /// <summary>Marks a directory as written by pg-platform, so that it may be replaced next time.</summary>
    public const string Marker = ".pg-platform-generated";

    private const string Staging = ".pg-platform-staging-";
    private const string Replaced = ".pg-platform-replaced-";
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Replaces <paramref name="directory"/> with what <paramref name="write"/> puts into the (empty) directory it is
    /// given, plus the <see cref="Marker"/>. A directory an earlier synthesis wrote is replaced whole, so a file no
    /// longer synthesized does not linger and get deployed; a non-empty one that pg-platform did not write is refused
    /// (<see cref="DeclarationException"/>) unless <paramref name="force"/>. When <paramref name="write"/> throws,
    /// <paramref name="directory"/> is left untouched and the staging directory removed.
    /// </summary>
    public static void Replace(string directory, bool force, Action<string> write)
    {
        directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Path.GetDirectoryName(directory) ?? throw new DeclarationException($"{directory} is a file system root", "choose a directory below it");
        var name = Path.GetFileName(directory);
        if (File.Exists(directory))
        {
            throw new DeclarationException($"{directory} is a file, not a directory", "choose another --out directory");
        }

        if (!force && Directory.Exists(directory) && !WrittenByPgPlatform(directory))
        {
            throw new DeclarationException(
                $"{directory} exists, is not empty and was not written by pg-platform (no {Marker} in it)",
                "choose another --out directory, empty this one yourself, or pass --force to replace it and everything in it");
        }

        Directory.CreateDirectory(parent);
        SweepAbandoned(parent, name);
        var staging = Path.Combine(parent, $".{name}{Staging}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, Marker), "Written by pg-platform synth; replaced whole on every run.\n", Utf8NoBom);
            write(staging);
            Swap(staging, directory, parent, name);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Writes <paramref name="files"/> (relative path to UTF-8 content) below <paramref name="directory"/>, in path order.</summary>
    public static void WriteFiles(string directory, IReadOnlyDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(directory);
        foreach (var (relative, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
    }

    /// <summary>
    /// True for an empty directory, one holding the <see cref="Marker"/>, and the layout earlier versions wrote (only
    /// <c>program.yaml</c> and a <c>gitops/</c> holding the marker).
    /// </summary>
    public static bool WrittenByPgPlatform(string directory)
    {
        var entries = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).ToList();
        return entries.Count == 0
            || entries.Contains(Marker)
            || (entries.All(e => e is "program.yaml" or "gitops") && File.Exists(Path.Combine(directory, "gitops", Marker)));
    }

    /// <summary>
    /// Renames the complete staging directory into place. The old directory is first renamed aside (and put back if
    /// the second rename fails), then deleted; both renames stay in one parent, so neither copies anything.
    /// </summary>
    private static void Swap(string staging, string directory, string parent, string name)
    {
        if (!Directory.Exists(directory))
        {
            Directory.Move(staging, directory);
            return;
        }

        var aside = Path.Combine(parent, $".{name}{Replaced}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        Directory.Move(directory, aside);
        try
        {
            Directory.Move(staging, directory);
        }
        catch
        {
            Directory.Move(aside, directory);
            throw;
        }

        Directory.Delete(aside, recursive: true);
    }

    /// <summary>Deletes staging and replaced directories of <paramref name="name"/> left by a synth that died (its process is gone).</summary>
    private static void SweepAbandoned(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.pg-platform-*"))
        {
            var rest = Path.GetFileName(dir)[(name.Length + 1)..];
            var tail = rest.StartsWith(Staging, StringComparison.Ordinal) ? rest[Staging.Length..]
                : rest.StartsWith(Replaced, StringComparison.Ordinal) ? rest[Replaced.Length..]
                : null;
            if (tail is not null && int.TryParse(tail.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Alive(pid))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
