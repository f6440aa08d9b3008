//! Small, valid files of each accepted type, made in code, for the tests.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// A one-page PDF whose cross-reference table is right.
pub fn pdf() -> Vec<u8> {
    pdf_from_objects(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ])
    .into_bytes()
}

/// `objects` as objects 1…n, with a table and a trailer whose root is object 1.
pub fn pdf_from_objects(objects: &[&str]) -> String {
    let mut text = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(text.len());
        text.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = text.len();
    text.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        text.push_str(&format!("{offset:010} 00000 n \n"));
    }
    text.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    text
}

/// The objects of a PDF made by [`pdf_from_objects`] (perhaps edited), laid out again.
pub fn fix_xref(text: &str) -> String {
    let body = &text[..text.find("xref\n").unwrap()];
    let objects: Vec<&str> = body
        .split("endobj\n")
        .filter_map(|part| part.split_once(" 0 obj\n").map(|(_, rest)| rest.trim_end_matches('\n')))
        .collect();
    pdf_from_objects(&objects)
}

/// A PDF 1.5 whose cross-reference is a stream.
pub fn pdf_with_xref_stream() -> Vec<u8> {
    let mut text = String::from("%PDF-1.5\n");
    text.push_str("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    text.push_str("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
    let xref = text.len();
    text.push_str(
        "3 0 obj\n<< /Type/XRef /Size 4 /Root 1 0 R /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\n",
    );
    text.push_str(&format!("startxref\n{xref}\n%%EOF"));
    text.into_bytes()
}

/// A small colour gradient, so the encoders have something real to compress.
pub fn picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x * 255 / width.max(1)) as u8, (y * 255 / height.max(1)) as u8, 128])
    }))
}

pub fn encoded(format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    picture(48, 32).write_to(&mut out, format).unwrap();
    out.into_inner()
}

pub fn jpeg() -> Vec<u8> {
    encoded(ImageFormat::Jpeg)
}

pub fn png() -> Vec<u8> {
    encoded(ImageFormat::Png)
}

pub fn tiff() -> Vec<u8> {
    encoded(ImageFormat::Tiff)
}

/// The text of the GPS block put in [`jpeg_with_gps`], found in a file only while it is there.
pub const GPS_MARK: &[u8] = b"GPSLatitudeRef";

/// A JPEG carrying an EXIF APP1 segment right after SOI with a GPS IFD (latitude 18°N,
/// longitude 72°W) and an orientation, plus a comment segment.
pub fn jpeg_with_gps() -> Vec<u8> {
    let jpeg = jpeg();
    let mut tiff = Vec::new();
    // TIFF header, little-endian, IFD0 at offset 8.
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    // IFD0: 2 entries: Orientation (1 = normal), GPSInfo pointer.
    let ifd0_len = 2 + 2 * 12 + 4;
    let gps_ifd = 8 + ifd0_len as u32;
    tiff.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut tiff, 0x0112, 3, 1, 1);
    entry(&mut tiff, 0x8825, 4, 1, gps_ifd);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD: LatitudeRef "N", Latitude (3 rationals), LongitudeRef "W", Longitude.
    let gps_len = 2 + 4 * 12 + 4;
    let latitude = gps_ifd + gps_len as u32;
    let longitude = latitude + 24;
    tiff.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut tiff, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0"));
    entry(&mut tiff, 0x0002, 5, 3, latitude);
    entry(&mut tiff, 0x0003, 2, 2, u32::from_le_bytes(*b"W\0\0\0"));
    entry(&mut tiff, 0x0004, 5, 3, longitude);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    for value in [18u32, 1, 32, 1, 0, 1, 72, 1, 20, 1, 0, 1] {
        tiff.extend_from_slice(&value.to_le_bytes());
    }
    // A readable mark, as XMP would leave one, to find in the bytes.
    tiff.extend_from_slice(GPS_MARK);

    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&(app1.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(&app1);
    let comment = b"taken at home";
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend_from_slice(&(comment.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(comment);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32) {
    out.extend_from_slice(&tag.to_le_bytes());
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&value.to_le_bytes());
}

/// A PNG with a text chunk and an `eXIf` chunk placed before the image data.
pub fn png_with_metadata() -> Vec<u8> {
    let png = png();
    // Signature (8) + IHDR chunk (4 + 4 + 13 + 4).
    let split = 8 + 25;
    let mut out = png[..split].to_vec();
    chunk(&mut out, b"tEXt", b"Comment\0GPSLatitudeRef N 18.5");
    chunk(&mut out, b"eXIf", b"MM\0*\0\0\0\x08\0\0\0\0\0\0GPSLatitudeRef");
    out.extend_from_slice(&png[split..]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crc32(kind);
    crc = crc32_continue(crc, data);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    crc32_continue(0, bytes)
}

/// CRC-32 (the PNG one), bit by bit: tests only.
fn crc32_continue(crc: u32, bytes: &[u8]) -> u32 {
    let mut crc = !crc;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A TIFF with two pages.
pub fn two_page_tiff() -> Vec<u8> {
    use tiff::encoder::{TiffEncoder, colortype::RGB8};
    let mut out = Cursor::new(Vec::new());
    let mut encoder = TiffEncoder::new(&mut out).unwrap();
    let pixels = vec![200u8; 8 * 8 * 3];
    encoder.write_image::<RGB8>(8, 8, &pixels).unwrap();
    encoder.write_image::<RGB8>(8, 8, &pixels).unwrap();
    out.into_inner()
}
