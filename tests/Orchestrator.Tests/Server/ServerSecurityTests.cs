using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orchestrator.Tests.Server;

/// <summary>Cross-site requests, DNS rebinding and the headers, against the real server.</summary>
public sealed partial class ServerSecurityTests
{
    public static TheoryData<string, string[]> CrossSiteRequests => new()
    {
        { "a form on another site, auto-submitted", ["Origin: http://evil.example", "Sec-Fetch-Site: cross-site"] },
        { "another origin, no fetch metadata", ["Origin: http://evil.example"] },
        { "a sandboxed frame", ["Origin: null"] },
        { "a sibling site", ["Sec-Fetch-Site: same-site", "Referer: http://127.0.0.1.evil.example/"] },
        { "no origin and no referer", [] },
    };

    [Theory]
    [MemberData(nameof(CrossSiteRequests))]
    public async Task A_cross_site_form_post_to_runs_is_403_and_no_run_starts(string what, string[] headers)
    {
        await using var server = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = new StringContent("target=EvaluateModel", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        foreach (var header in headers)
        {
            var (name, value) = (header[..header.IndexOf(':')], header[(header.IndexOf(':') + 2)..]);
            request.Headers.Add(name, value);
        }

        // Even with the page's token, which a cross-site page cannot read.
        request.Headers.Add("X-CSRF-Token", await server.CsrfTokenAsync());
        var response = await server.Client.SendAsync(request);
        await Task.Delay(300);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {response.StatusCode}");
        Assert.StartsWith("refused a ", await ErrorOf(response));
        Assert.Empty((await server.GetJsonAsync("/api/runs")).EnumerateArray());
        Assert.Empty(server.Executor.Ran);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token")]
    public async Task A_same_origin_post_without_the_pages_csrf_token_is_403(string? csrf)
    {
        await using var server = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Headers = { { "Origin", server.Url }, { "Sec-Fetch-Site", "same-origin" } } };
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrf);
        }

        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("refused a POST without the page's X-CSRF-Token header", await ErrorOf(response));
        Assert.Empty(server.Executor.Ran);
    }

    [Fact]
    public async Task A_same_origin_post_with_the_pages_csrf_token_starts_a_run()
    {
        await using var server = await ServerHarness.StartAsync();

        var response = await server.PostRunAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_post_with_the_bearer_token_needs_no_origin_nor_csrf_token()
    {
        await using var server = await ServerHarness.StartAsync(token: "s3cret");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") } };
        using var inQuery = new HttpRequestMessage(HttpMethod.Post, "/api/runs?token=s3cret") { Headers = { { "Origin", "http://evil.example" } } };

        var withBearer = await server.Client.SendAsync(request);
        await server.WaitForAsync("/api/runs?token=s3cret", runs => runs.GetArrayLength() == 1 && runs[0].GetProperty("outcome").GetString() != "running");
        var crossSiteWithQueryToken = await server.Client.SendAsync(inQuery);

        Assert.Equal(HttpStatusCode.Accepted, withBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSiteWithQueryToken.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/graph")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/app.js")]
    [InlineData("GET", "/api/runs")]
    [InlineData("POST", "/api/runs")]
    public async Task A_request_naming_another_host_is_400_whatever_it_asks(string method, string path)
    {
        await using var server = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Headers = { Host = "attacker.example" } };
        if (method == "POST")
        {
            request.Headers.Add("Origin", "http://attacker.example");
            request.Headers.Add("X-CSRF-Token", await server.CsrfTokenAsync());
        }

        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Host 'attacker.example' is not a name this server listens as; open the address serve printed, or name this host in --urls", await ErrorOf(response));
        Assert.Empty(server.Executor.Ran);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task A_loopback_server_answers_as_localhost_and_its_address(string host)
    {
        await using var server = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/graph") { Headers = { Host = $"{host}:{new Uri(server.Url).Port}" } };

        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/runs/20260101T000000Z-abcd")]
    [InlineData("/api/graph")]
    [InlineData("/app.js")]
    [InlineData("/api/runs/nope")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        await using var server = await ServerHarness.StartAsync();

        var response = await server.Client.GetAsync(path);

        var headers = response.Headers;
        Assert.Equal(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_so_the_policy_can_forbid_them()
    {
        await using var server = await ServerHarness.StartAsync();

        var page = await server.Client.GetStringAsync("/");
        var scripts = ScriptSource().Matches(page).Select(match => match.Groups[1].Value).ToList();
        var code = await Task.WhenAll(scripts.Concat(["/graph.js", "/runs.js", "/task-panel.js", "/run-form.js", "/api.js", "/layout.js", "/layout-worker.js"]).Select(server.Client.GetStringAsync));

        Assert.Equal(["/app.js"], scripts);
        Assert.Equal(scripts.Count, Regex.Count(page, "<script"));
        Assert.DoesNotContain("<style", page);
        Assert.DoesNotContain(" style=", page);
        Assert.All(code, script => Assert.DoesNotContain(" style=", script));
        Assert.All(code, script => Assert.DoesNotContain("eval(", script));
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();

    [GeneratedRegex("""<script[^>]* src="([^"]+)"></script>""")]
    private static partial Regex ScriptSource();
}
