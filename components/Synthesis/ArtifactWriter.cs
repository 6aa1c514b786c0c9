using System.Text;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Synthesis;

/// <summary>Writes synthesized files below a directory, replacing what an earlier synthesis left there.</summary>
public static class ArtifactWriter
{
    /// <summary>Marks a directory as written by pg-platform, so that it may be replaced next time.</summary>
    public const string Marker = ".pg-platform-generated";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="files"/> (relative path to UTF-8 content) into <paramref name="directory"/>. A directory
    /// an earlier synthesis wrote is emptied first, so that a file no longer synthesized does not linger and
    /// get deployed; a non-empty directory that pg-platform did not write is never touched.
    /// </summary>
    public static void Write(string directory, IReadOnlyDictionary<string, byte[]> files)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, Marker)))
            {
                throw new DeclarationException(
                    $"{directory} exists, is not empty and was not written by pg-platform",
                    "choose another --out directory, or empty this one yourself");
            }

            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Marker), "Written by pg-platform synth; replaced on every run.\n", Utf8NoBom);
        foreach (var (relative, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
    }
}
