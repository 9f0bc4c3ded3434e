using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Orchestrator.Cli;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

/// <summary>`serve` decides from the addresses Kestrel actually bound, and says where it listens.</summary>
public sealed partial class ServeListenTests
{
    [Theory]
    [InlineData("http://loopback:0", "http://[::]:")]
    [InlineData("http://127.0.0.1:0/;http://0.0.0.0:0", "http://0.0.0.0:")]
    [InlineData("http://0.0.0.0:0", "http://0.0.0.0:")]
    [InlineData("http://*:0", "http://[::]:")]
    public async Task Serve_that_binds_beyond_loopback_without_a_token_exits_2_with_one_line_and_leaves_nothing_listening(string urls, string wildcard)
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunWineAsync(["serve", "--data-root", dataRoot.Path, "--urls", urls]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"orchestrator: error: --urls {urls} listens beyond this machine (bound ", result.Error);
        Assert.Contains(wildcard, result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Empty(result.Out);
        var ports = BoundPort().Matches(result.Error[result.Error.IndexOf("(bound ", StringComparison.Ordinal)..]).Select(match => int.Parse(match.Groups[1].Value)).ToList();
        Assert.Equal(urls.Split(';').Length, ports.Count);
        Assert.All(ports, port => Assert.False(Listening(port), $"port {port} is still listening"));
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_exits_2_with_one_line_naming_the_port()
    {
        using var dataRoot = new TempDirectory();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var result = await CliRunner.RunWineAsync(["serve", "--data-root", dataRoot.Path, "--port", port.ToString()]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(
            $"orchestrator: error: cannot listen on http://127.0.0.1:{port}: port {port} is already in use; stop what holds it, or pick another with --port N or --urls URL\n",
            result.Error);
    }

    [Fact]
    public async Task Serve_prints_every_address_it_bound()
    {
        using var dataRoot = new TempDirectory();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = new BannerWriter(stop);

        var result = await CliRunner.RunWineAsync(
            ["serve", "--data-root", dataRoot.Path, "--urls", "http://127.0.0.1:0;http://[::1]:0"],
            environment => environment with { Out = output },
            cancellation: stop.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"^serving {Regex.Escape(dataRoot.Path)} on http://127\.0\.0\.1:\d+, http://\[::1\]:\d+; Ctrl-C stops$", output.Banner);
    }

    [Fact]
    public async Task Serve_beyond_loopback_with_a_token_listens_and_answers_only_with_the_token()
    {
        using var dataRoot = new TempDirectory();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = new BannerWriter(stop, keepServing: true);

        var serving = CliRunner.RunWineAsync(
            ["serve", "--data-root", dataRoot.Path, "--urls", "http://0.0.0.0:0", "--token", "s3cret"],
            environment => environment with { Out = output },
            cancellation: stop.Token);
        var banner = await output.Seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var port = int.Parse(BoundPort().Match(banner).Groups[1].Value);
        using var client = new HttpClient();
        var without = await client.GetAsync($"http://127.0.0.1:{port}/api/graph");
        var with = await client.GetAsync($"http://127.0.0.1:{port}/api/graph?token=s3cret");
        await stop.CancelAsync();
        var result = await serving;

        Assert.Contains("on http://0.0.0.0:", banner);
        Assert.EndsWith("(token required); Ctrl-C stops", banner);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (without.StatusCode, with.StatusCode));
        Assert.Equal(0, result.ExitCode);
    }

    private static bool Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"http://[^\s,;)]+:(\d+)")]
    private static partial Regex BoundPort();

    /// <summary>Catches the "serving ..." line and, unless told to keep serving, stops the server once it is printed.</summary>
    private sealed class BannerWriter(CancellationTokenSource stop, bool keepServing = false) : StringWriter
    {
        public TaskCompletionSource<string> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Banner => Seen.Task.IsCompleted ? Seen.Task.Result : string.Empty;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith("serving ", StringComparison.Ordinal) == true && Seen.TrySetResult(value) && !keepServing)
            {
                stop.Cancel();
            }
        }
    }
}
