using System.Text;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests;

/// <summary>Sends drill progress lines to the test's output, so a failing integration test shows what happened.</summary>
internal sealed class TestOutputWriter(ITestOutputHelper output) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_line)
        {
            if (value == '\n')
            {
                Flush();
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    public override void Flush()
    {
        lock (_line)
        {
            if (_line.Length > 0)
            {
                try
                {
                    output.WriteLine(_line.ToString());
                }
                catch (InvalidOperationException)
                {
                    // The test already finished; its output is closed.
                }

                _line.Clear();
            }
        }
    }
}
