using System.Diagnostics;

namespace WinePipeline.Bench.UiBench;

internal static class HeadlessChromium
{
    /// <summary>Loads the page in a fresh profile and returns its DOM after a few seconds of the page's own time.</summary>
    public static async Task<string> DumpDomAsync(string url)
    {
        var profile = Directory.CreateTempSubdirectory("ui-helper-bench-chromium-");
        try
        {
            var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--window-size=1400,900",
                "--virtual-time-budget=4000", "--dump-dom", url,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var dom = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? dom : throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await error}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
