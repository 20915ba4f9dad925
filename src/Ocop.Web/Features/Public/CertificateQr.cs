using Ocop.Web.Shared;

namespace Ocop.Web.Features.Public;

/// <summary>The QR code printed on a certificate: it opens the public check of that certificate by its number.</summary>
public static class CertificateQr
{
    public const string Caption = "Quét mã để kiểm tra giấy chứng nhận";

    /// <summary>Adds the code when the site's public address is set (<see cref="PublicUrls.BaseUrl"/>); without it there is no address a phone could open.</summary>
    public static OfficialDocx AddTo(OfficialDocx docx, string number) =>
        PublicUrls.PrintedCheck(number) is { } url
            ? docx.Picture(PublicFace.QrPng(url, 8), 25, "Mã QR kiểm tra giấy chứng nhận " + number, Caption + ": " + url)
            : docx;
}
