using System.Net;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Public;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Public;

/// <summary>
/// Issue 16: the printed certificate carries a QR code that opens its public check, when the site's public address is
/// set (the tests' Development settings set http://localhost:5080). The code is part of the document as issued: the
/// file handed out is the stored one, byte for byte, and is never rebuilt (docs/documents.md).
/// </summary>
public sealed class CertificateQrTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_certificate_issued_with_the_public_address_set_carries_a_QR_to_its_check_and_is_handed_out_as_stored()
    {
        var certificate = await app.QueryAsync(db => db.Certificates.Where(c => c.Product!.Name == Demo.GaoLongHoa)
            .OrderByDescending(c => c.IssuedOn).Select(c => new { c.Id, c.Number }).FirstAsync());
        var office = await app.As(Demo.ProgramOffice);
        using var response = await office.GetAsync($"/Certificates/Details/{certificate.Id}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var main = document.MainDocumentPart!;
            var image = Assert.Single(main.ImageParts);
            Assert.Equal("image/png", image.ContentType);
            using var png = image.GetStream();
            var signature = new byte[8];
            png.ReadExactly(signature);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
            var text = string.Join("\n", main.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
            Assert.Contains($"{CertificateQr.Caption}: http://localhost:5080/kiem-tra-chung-nhan?number={Uri.EscapeDataString(certificate.Number)}", text, StringComparison.Ordinal);
        }

        var stored = await app.QueryAsync(db => db.IssuedDocuments
            .SingleAsync(d => d.Kind == IssuedDocumentKind.Certificate && d.CertificateId == certificate.Id));
        Assert.Equal(stored.Docx, bytes);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)), ignoreCase: true);

        // The address the code opens answers the check of this certificate.
        var check = await app.NewClient().GetPageAsync($"/kiem-tra-chung-nhan?number={Uri.EscapeDataString(certificate.Number)}");
        Assert.Contains(certificate.Number, check, StringComparison.Ordinal);
        Assert.Contains(Demo.GaoLongHoa, check, StringComparison.Ordinal);
    }
}
