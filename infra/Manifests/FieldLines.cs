using PgPlatform.Components.Serialization;

namespace PgPlatform.Infra.Manifests;

/// <summary>
/// The lines of fields in one file, read again on the first question (only files with findings pay for it) and
/// kept for the next ones.
/// </summary>
public sealed class FieldLines(string path)
{
    private IReadOnlyList<YamlPosition>? _documents;

    /// <summary>The line of <paramref name="field"/> in document <paramref name="document"/> (0-based); 0 when unknown.</summary>
    public int Of(int document, string field)
    {
        _documents ??= Read();
        return document < _documents.Count ? _documents[document].LineOf(field) : 0;
    }

    private IReadOnlyList<YamlPosition> Read()
    {
        try
        {
            return YamlPositions.Read(InputFiles.ReadText(path, path, YamlLimits.Manifests));
        }
        catch (InputFileException)
        {
            return [];
        }
    }
}
