using System.Text;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Reads an untrusted input file as text within <see cref="YamlLimits.MaxFileBytes"/>: a FIFO, socket or device is
/// refused before it is opened (it could block or never end), and at most the limit plus one byte is read, so a
/// file that grows while read cannot take more memory either.
/// </summary>
public static class InputFiles
{
    /// <summary>The text of <paramref name="path"/>; problems raise <see cref="InputFileException"/> naming <paramref name="display"/>.</summary>
    public static string ReadText(string path, string display, YamlLimits limits)
    {
        var status = FileStatus.Of(path);
        switch (status.Type)
        {
            case FileStatus.Types.Missing:
                throw new InputFileException($"{display}: no such file or directory");
            case FileStatus.Types.Directory:
                throw new InputFileException($"{display}: is a directory, not a file");
            case FileStatus.Types.Special:
                throw new InputFileException($"{display}: not a regular file (a FIFO, socket or device), refused: it could block or never end. Fix: pass a regular file");
        }

        if (status.Size > limits.MaxFileBytes)
        {
            throw TooLarge(display, $"{status.Size:N0} bytes", limits);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(status.Size, limits.MaxFileBytes) + 1];
        var length = 0;
        int read;
        while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                if (length > limits.MaxFileBytes)
                {
                    throw TooLarge(display, "it grew while read and", limits);
                }

                Array.Resize(ref buffer, (int)Math.Min(limits.MaxFileBytes + 1, (long)buffer.Length * 2));
            }
        }

        try
        {
            var bom = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, bom, length - bom);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputFileException($"{display}: not UTF-8 text (invalid byte at offset {e.Index}). Fix: save it as UTF-8");
        }
    }

    private static InputFileException TooLarge(string display, string size, YamlLimits limits) =>
        new($"{display}: {size} exceeds the limit of {YamlLimits.Bytes(limits.MaxFileBytes)} per file (README, 'Limits'). Fix: split it into smaller files");
}
