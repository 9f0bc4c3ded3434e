using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Orchestrator.Notifications.Internal;

/// <summary>Sends the notification as a plain-text email with the PNG plots attached.</summary>
internal sealed class EmailSender(SmtpSettings smtp, NotificationSettings settings, TimeProvider time)
{
    public async Task SendAsync(RunNotification run, CancellationToken cancellation)
    {
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From),
            Subject = NotificationText.Subject(run),
            Body = NotificationText.Body(run).ReplaceLineEndings("\r\n"),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        smtp.To.ToList().ForEach(message.To.Add);
        foreach (var plot in run.PlotPaths.Where(File.Exists))
        {
            var attachment = new Attachment(plot, "image/png");
            attachment.ContentDisposition!.FileName = Path.GetFileName(plot);
            message.Attachments.Add(attachment);
        }

        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Credentials = smtp.UserName is null ? null : new NetworkCredential(smtp.UserName, smtp.Password),
        };
        using var timeout = new CancellationTokenSource(settings.SmtpTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        await client.SendMailAsync(message, linked.Token);
    }
}
