//! Metadata stripping: an image is decoded to pixels and encoded again in the same format, so
//! nothing but pixels survives — no EXIF (GPS position, camera serial, time), XMP, comments,
//! text chunks, thumbnails or trailing data. The EXIF orientation is applied to the pixels
//! first, so a phone photo still shows the right way up once its EXIF is gone.
//!
//! Colour profiles are dropped too (colours may shift slightly on wide-gamut photos); JPEGs are
//! encoded at quality 90 (a small generation loss); TIFFs are written Deflate-compressed, as a
//! scan stored uncompressed would be many times its upload size.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageDecoder, ImageError, ImageReader, Limits};
use tiff::encoder::{Compression, TiffEncoder, colortype};

use super::{DocumentRefusal, DocumentType, UploadLimits};

const JPEG_QUALITY: u8 = 90;

/// Decodes the whole image (so truncated or damaged pixel data is found) within `limits`, with
/// its orientation applied.
pub(super) fn decode(
    bytes: &[u8],
    kind: DocumentType,
    limits: &UploadLimits,
) -> Result<DynamicImage, DocumentRefusal> {
    let format = kind.image_format().ok_or(DocumentRefusal::Type)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut decode_limits = Limits::default();
    decode_limits.max_image_width = Some(limits.max_side);
    decode_limits.max_image_height = Some(limits.max_side);
    decode_limits.max_alloc = Some(limits.max_decode_bytes);
    reader.limits(decode_limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let orientation = decoder.orientation().map_err(refusal)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

/// Encodes `picture` in `kind`'s format, with nothing but the pixels.
pub(super) fn encode(picture: &DynamicImage, kind: DocumentType) -> Result<Vec<u8>, DocumentRefusal> {
    let mut out = Cursor::new(Vec::new());
    match kind {
        DocumentType::Jpeg => {
            // JPEG holds no alpha and at most 8 bits a channel.
            let pixels = if picture.color().has_color() {
                DynamicImage::ImageRgb8(picture.to_rgb8())
            } else {
                DynamicImage::ImageLuma8(picture.to_luma8())
            };
            pixels
                .write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))
                .map_err(refusal)?;
        }
        DocumentType::Png => picture.write_with_encoder(PngEncoder::new(&mut out)).map_err(refusal)?,
        DocumentType::Tiff => write_tiff(picture, &mut out)?,
        DocumentType::Pdf => return Err(DocumentRefusal::Type),
    }
    Ok(out.into_inner())
}

/// Decodes and encodes again: the stored bytes of an image upload.
pub fn strip_metadata(
    bytes: &[u8],
    kind: DocumentType,
    limits: &UploadLimits,
) -> Result<Vec<u8>, DocumentRefusal> {
    encode(&decode(bytes, kind, limits)?, kind)
}

fn write_tiff(picture: &DynamicImage, out: &mut Cursor<Vec<u8>>) -> Result<(), DocumentRefusal> {
    let failed = |_| DocumentRefusal::Corrupt;
    let mut encoder =
        TiffEncoder::new(out).map_err(failed)?.with_compression(Compression::Deflate(Default::default()));
    let (width, height) = (picture.width(), picture.height());
    // 8 bits a channel, grey or colour, with alpha when there is some: what scans and
    // photos need, and what every TIFF reader opens.
    match (picture.color().has_color(), picture.color().has_alpha()) {
        (false, false) => encoder.write_image::<colortype::Gray8>(width, height, picture.to_luma8().as_raw()),
        (false, true) | (true, true) => {
            encoder.write_image::<colortype::RGBA8>(width, height, picture.to_rgba8().as_raw())
        }
        (true, false) => encoder.write_image::<colortype::RGB8>(width, height, picture.to_rgb8().as_raw()),
    }
    .map_err(failed)
}

/// Too many pixels or too much memory is [`DocumentRefusal::Pixels`]; every other failure to
/// decode is damage.
fn refusal(error: ImageError) -> DocumentRefusal {
    match error {
        ImageError::Limits(_) => DocumentRefusal::Pixels,
        _ => DocumentRefusal::Corrupt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::samples;

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn gps_exif_and_comments_are_gone_from_a_jpeg() {
        let original = samples::jpeg_with_gps();
        assert!(contains(&original, samples::GPS_MARK));
        assert!(contains(&original, b"Exif\0\0"));
        assert!(contains(&original, b"taken at home"));
        let stripped = strip_metadata(&original, DocumentType::Jpeg, &UploadLimits::default()).unwrap();
        assert!(!contains(&stripped, samples::GPS_MARK));
        assert!(!contains(&stripped, b"Exif"));
        assert!(!contains(&stripped, b"taken at home"));
        // No APP1 segment at all (EXIF and XMP both live in APP1).
        assert!(!contains(&stripped, &[0xFF, 0xE1]));
        // Still the same picture.
        let picture = image::load_from_memory(&stripped).unwrap();
        assert_eq!((picture.width(), picture.height()), (48, 32));
    }

    #[test]
    fn text_and_exif_chunks_are_gone_from_a_png() {
        let original = samples::png_with_metadata();
        assert!(contains(&original, b"GPSLatitudeRef"));
        let stripped = strip_metadata(&original, DocumentType::Png, &UploadLimits::default()).unwrap();
        assert!(!contains(&stripped, b"GPSLatitudeRef"));
        assert!(!contains(&stripped, b"tEXt"));
        assert!(!contains(&stripped, b"eXIf"));
        let before = image::load_from_memory(&original).unwrap();
        let after = image::load_from_memory(&stripped).unwrap();
        assert_eq!(before.to_rgb8(), after.to_rgb8(), "PNG is lossless");
    }

    #[test]
    fn a_tiff_stays_a_compressed_tiff_with_the_same_pixels() {
        let original = samples::tiff();
        let stripped = strip_metadata(&original, DocumentType::Tiff, &UploadLimits::default()).unwrap();
        assert_eq!(DocumentType::sniff(&stripped), Some(DocumentType::Tiff));
        let before = image::load_from_memory(&original).unwrap();
        let after = image::load_from_memory(&stripped).unwrap();
        assert_eq!(before.to_rgb8(), after.to_rgb8());
        assert!(stripped.len() < 48 * 32 * 3, "{} bytes", stripped.len());
    }

    #[test]
    fn damaged_pixels_and_oversized_images_are_refused() {
        let mut png = samples::png();
        // Flip bytes inside the image data (after the 33-byte header), leaving the structure.
        let middle = 33 + (png.len() - 33) / 2;
        for byte in &mut png[middle..middle + 8] {
            *byte ^= 0x5A;
        }
        assert_eq!(
            strip_metadata(&png, DocumentType::Png, &UploadLimits::default()),
            Err(DocumentRefusal::Corrupt)
        );

        let small = UploadLimits { max_side: 40, ..UploadLimits::default() };
        assert_eq!(
            strip_metadata(&samples::jpeg(), DocumentType::Jpeg, &small),
            Err(DocumentRefusal::Pixels)
        );
        let frugal = UploadLimits { max_decode_bytes: 1024, ..UploadLimits::default() };
        assert_eq!(
            strip_metadata(&samples::tiff(), DocumentType::Tiff, &frugal),
            Err(DocumentRefusal::Pixels)
        );
    }
}
