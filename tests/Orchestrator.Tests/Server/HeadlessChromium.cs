using System.Diagnostics;

namespace Orchestrator.Tests.Server;

/// <summary>Debian's chromium, headless, with a fresh profile each time (installed by scripts/ensure-docker.sh).</summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static string Executable =>
        Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("chromium is not installed; run scripts/ensure-docker.sh (or apt-get install -y chromium)");

    /// <summary>Saves a screenshot of the page after the page has had <paramref name="budgetMilliseconds"/> of (virtual) time.</summary>
    public static Task ScreenshotAsync(string url, string path, int width = 1400, int height = 900, int budgetMilliseconds = 5000) =>
        RunAsync(url, budgetMilliseconds, $"--screenshot={path}", width, height);

    /// <summary>The page's DOM after its scripts ran for <paramref name="budgetMilliseconds"/> of (virtual) time.</summary>
    public static Task<string> DumpDomAsync(string url, int width = 1400, int height = 900, int budgetMilliseconds = 5000) =>
        RunAsync(url, budgetMilliseconds, "--dump-dom", width, height);

    private static async Task<string> RunAsync(string url, int budgetMilliseconds, string action, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile.FullName}",
                $"--window-size={width},{height}", $"--virtual-time-budget={budgetMilliseconds}", action, url,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await error}");
            return await output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
