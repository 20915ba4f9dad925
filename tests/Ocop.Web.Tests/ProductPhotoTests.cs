using System.Net;
using System.Text;
using System.Text.Json;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>Photos are accepted by what their bytes are, never by their name or claimed type, and served only to those who may read the product.</summary>
public class ProductPhotoTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestFiles", "photo.png"));
    private static readonly byte[] Jpeg = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestFiles", "photo.jpg"));

    private string PhotoFolder => Path.Combine(app.DataFolder, "photos");

    private int StoredFiles => Directory.Exists(PhotoFolder) ? Directory.GetFiles(PhotoFolder).Length : 0;

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "text renamed .jpg", "banh-tet.jpg", "Tệp không phải ảnh JPEG, PNG, WebP hoặc GIF." },
        { "PDF renamed .png", "to-khai.png", "Tệp không phải ảnh JPEG, PNG, WebP hoặc GIF." },
        { "empty file", "trong.jpg", "Tệp ảnh trống." },
        { "over 5 MB", "qua-lon.png", "Ảnh quá lớn: tối đa 5 MB." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_upload_that_is_not_an_acceptable_image_is_refused_and_nothing_is_stored(string what, string fileName, string message)
    {
        var bytes = what switch
        {
            "text renamed .jpg" => Encoding.UTF8.GetBytes("Đây không phải là ảnh, chỉ là chữ."),
            "PDF renamed .png" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"),
            "empty file" => [],
            _ => [.. Png, .. new byte[5 * 1024 * 1024]],
        };
        var client = await app.As(Demo.ChauThanhOfficer);
        var id = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var before = await app.CountsAsync();
        var filesBefore = StoredFiles;

        var form = await client.GetFormAsync($"/Products/Details/{id}", handler: "Upload");
        using var response = await client.PostFileAsync(form, "photo", fileName, bytes, "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
        Assert.Equal(filesBefore, StoredFiles);
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpeg", "image/jpeg")]
    public async Task A_real_image_is_stored_outside_the_web_root_audited_and_served_back_re_encoded(string kind, string contentType)
    {
        var bytes = kind == "png" ? Png : Jpeg;
        var client = await app.As(Demo.ChauThanhOfficer);
        var id = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var photosBefore = (await app.ProductAsync(id)).Photos.Count;

        var form = (await client.GetFormAsync($"/Products/Details/{id}", handler: "Upload")).Set("caption", "Đòn bánh tét mới gói");
        // The browser's claim is ignored either way: the type comes from the bytes.
        using var response = await client.PostFileAsync(form, "photo", $"anh-{kind}.bin", bytes, "application/octet-stream");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var product = await app.ProductAsync(id);
        Assert.Equal(photosBefore + 1, product.Photos.Count);
        var photo = product.Photos.OrderBy(p => p.Id).Last();
        // Written anew from its pixels (issue 13): JPEG, or PNG where the image has transparency; never the uploaded bytes.
        Assert.Contains(photo.ContentType, new[] { "image/jpeg", "image/png" });
        Assert.NotNull(contentType);
        var stored = Path.Combine(PhotoFolder, photo.StoredName);
        Assert.True(File.Exists(stored));
        Assert.Equal((($"anh-{kind}.bin"), new FileInfo(stored).Length, "Đòn bánh tét mới gói"), (photo.OriginalName, photo.SizeBytes, photo.Caption));

        var audit = Assert.Single(await app.AuditAsync(nameof(ProductPhoto), photo.Id));
        Assert.Equal((AuditAction.Created, Demo.ChauThanhOfficer), (audit.Action, audit.UserName));
        Assert.Equal(new FieldChange("ProductId", null, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), audit.Change("ProductId"));

        using var served = await client.GetAsync($"/Products/Photo/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(photo.ContentType, served.Content.Headers.ContentType?.MediaType);
        var servedBytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(stored), servedBytes);
        Assert.NotEqual(bytes, servedBytes);
        using var thumbnail = await client.GetAsync($"/Products/Photo/{photo.Id}?size=thumb");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);

        // The API lists it; the static files of the web root do not have it.
        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/products/{id}"));
        Assert.Contains($"/Products/Photo/{photo.Id}", detail.RootElement.GetProperty("photos").EnumerateArray().Select(p => p.GetString()));
        using var direct = await client.GetAsync("/photos/" + photo.StoredName);
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
    }

    [Fact]
    public async Task Another_communes_officer_can_neither_upload_to_nor_see_the_photos_of_a_product()
    {
        var owner = await app.As(Demo.ChauThanhOfficer);
        var id = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var form = await owner.GetFormAsync($"/Products/Details/{id}", handler: "Upload");
        using (var uploaded = await owner.PostFileAsync(form, "photo", "la-cam.png", Png, "image/png"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var photoId = (await app.ProductAsync(id)).Photos.Max(p => p.Id);
        var stranger = await app.As(Demo.HoaMinhOfficer);
        var before = await app.CountsAsync();

        using var served = await stranger.GetAsync($"/Products/Photo/{photoId}");
        Assert.Equal(HttpStatusCode.NotFound, served.StatusCode);

        var token = await stranger.TokenAsync();
        using var refused = await stranger.PostFileAsync(
            $"/Products/Details/{id}?handler=Upload", [new(HtmlForm.TokenField, token)], "photo", "x.png", Png, "image/png");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }
}
