using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Tests.Notifications;

/// <summary>One message as the SMTP server received it.</summary>
internal sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>A header's value, unfolded.</summary>
    public string Header(string name) =>
        Regex.Match(Unfolded, $"^{name}: (.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Groups[1].Value.TrimEnd('\r');

    /// <summary>The quoted-printable text/plain part, decoded.</summary>
    public string TextBody
    {
        get
        {
            var encoded = Regex.Match(Data, "Content-Transfer-Encoding: quoted-printable\r\n\r\n(.*?)\r\n--", RegexOptions.Singleline).Groups[1].Value;
            var unwrapped = encoded.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
            var bytes = new List<byte>();
            for (var i = 0; i < unwrapped.Length; i++)
            {
                if (unwrapped[i] == '=')
                {
                    bytes.Add(Convert.ToByte(unwrapped.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.Add((byte)unwrapped[i]);
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }
    }

    private string Unfolded => Regex.Replace(Data, "\r\n[ \t]+", " ");
}

/// <summary>
/// A local SMTP server speaking just enough of the protocol for SmtpClient: EHLO/HELO, MAIL FROM,
/// RCPT TO, DATA, RSET, NOOP, QUIT, one connection at a time.
/// </summary>
internal sealed class LocalSmtpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    public LocalSmtpServer()
    {
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        serving.Wait(TimeSpan.FromSeconds(5));
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(stopping.Token);
                await ConverseAsync(client.GetStream());
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string from = string.Empty;
        var to = new List<string>();
        while (await reader.ReadLineAsync(stopping.Token) is { } line)
        {
            var verb = line.Split(' ', ':')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':') + 1)..].Trim();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':') + 1)..].Trim());
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    Messages.Enqueue(new ReceivedMail(from, to.ToList(), await ReadDataAsync(reader)));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 not implemented");
                    break;
            }
        }
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(stopping.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }
}
