using CommandLine;
using Orchestrator.Cli;
using Orchestrator.Notifications;

namespace Orchestrator.Tests.Notifications;

public class NotificationOptionsTests
{
    [Fact]
    public void Verb_implementing_the_options_interface_parses_them_into_settings_with_the_password_from_the_environment()
    {
        var options = Parse(
            "--webhook-url", "https://hooks.slack.com/services/T/B/x", "--smtp-host", "mail.example.org", "--smtp-port", "587",
            "--smtp-from", "pipeline@example.org", "--smtp-to", "a@example.org,b@example.org", "--smtp-user", "bot", "--smtp-ssl", "--notify-on-success");

        var settings = options.ToSettings(name => name == "SMTP_PASSWORD" ? "hunter2" : null);

        Assert.Equal(new Uri("https://hooks.slack.com/services/T/B/x"), settings.WebhookUrl);
        Assert.True(settings.NotifyOnSuccess);
        var smtp = settings.Smtp!;
        Assert.Equal(("mail.example.org", 587, "pipeline@example.org", "bot", "hunter2", true), (smtp.Host, smtp.Port, smtp.From, smtp.UserName, smtp.Password, smtp.EnableSsl));
        Assert.Equal(["a@example.org", "b@example.org"], smtp.To);
    }

    [Fact]
    public void No_notification_options_give_empty_settings()
    {
        var settings = Parse().ToSettings(_ => null);

        Assert.True(settings.IsEmpty);
        Assert.Equal(SmtpSettings.DefaultPort, Parse().SmtpPort);
    }

    [Theory]
    [InlineData("--smtp-host mail.example.org", "--smtp-host needs --smtp-from and --smtp-to (see orchestrator --help)")]
    [InlineData("--smtp-to a@example.org", "--smtp-from, --smtp-to and --smtp-user need --smtp-host (see orchestrator --help)")]
    [InlineData("--webhook-url ftp://example.org/x", "--webhook-url 'ftp://example.org/x' is not an http(s) URL (see orchestrator --help)")]
    [InlineData("--smtp-host h --smtp-from a@b.c --smtp-to d@e.f --smtp-port 70000", "--smtp-port 70000 is not a port number (1-65535) (see orchestrator --help)")]
    public void Incomplete_or_bad_notification_options_are_one_usage_line(string arguments, string expected)
    {
        var options = Parse(arguments.Split(' '));

        var error = Assert.Throws<UsageException>(() => options.ToSettings(_ => null));

        Assert.Equal(expected, error.Message);
    }

    private static ServeLikeOptions Parse(params string[] arguments)
    {
        using var parser = new Parser(settings => settings.HelpWriter = null);
        return parser.ParseArguments<ServeLikeOptions>(arguments).MapResult(
            options => options,
            errors => throw new InvalidOperationException(string.Join(", ", errors)));
    }

    [Verb("serve")]
    private sealed class ServeLikeOptions : INotificationOptions
    {
        public string? WebhookUrl { get; set; }

        public string? SmtpHost { get; set; }

        public int SmtpPort { get; set; }

        public string? SmtpFrom { get; set; }

        public IEnumerable<string> SmtpTo { get; set; } = [];

        public string? SmtpUser { get; set; }

        public bool SmtpSsl { get; set; }

        public bool NotifyOnSuccess { get; set; }
    }
}
