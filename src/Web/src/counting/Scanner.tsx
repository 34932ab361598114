import { useEffect, useRef, useState } from "react";
import { cameraProblem } from "./barcode";

// Reads a bottle's barcode from the camera: the browser's own BarcodeDetector where there is one
// (Chrome on Android), else ZXing, downloaded only now that the camera is opened.

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options?: { formats: string[] }) => Detector;

// Retail barcodes, and the GS1 carriers a case or a bottle may bear instead: GS1-128 (Code 128) and QR codes, whose
// GTIN the Api finds inside (docs/API.md, barcode lookup).
const barcodeFormats = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "qr_code"];

export function Scanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState("");
  const [ready, setReady] = useState(false);
  const found = useRef(onCode);
  found.current = onCode;

  useEffect(() => {
    let closed = false;
    let stream: MediaStream | null = null;
    let stopDecoding: () => void = () => {};
    let done = false;
    const report = (code: string) => {
      if (done || closed) return;
      done = true;
      found.current(code);
    };

    void (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem(cameraProblem(new DOMException("no camera", "NotFoundError")));
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (closed || !video.current) return;
        const preview = video.current;
        const Native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
        if (Native) {
          preview.srcObject = stream;
          await preview.play();
          setReady(true);
          const detector = new Native({ formats: barcodeFormats });
          let timer: ReturnType<typeof setTimeout>;
          const look = async () => {
            if (closed || done) return;
            const codes = await detector.detect(preview).catch(() => []);
            if (codes[0]) report(codes[0].rawValue);
            else timer = setTimeout(() => void look(), 200);
          };
          stopDecoding = () => clearTimeout(timer);
          void look();
        } else {
          const { BrowserMultiFormatReader } = await import("@zxing/browser");
          if (closed) return;
          const controls = await new BrowserMultiFormatReader().decodeFromStream(stream, preview, (result) => {
            if (result) report(result.getText());
          });
          stopDecoding = () => controls.stop();
          setReady(true);
        }
      } catch (error) {
        if (!closed) setProblem(cameraProblem(error));
      }
    })();

    return () => {
      closed = true;
      stopDecoding();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <section className="scanner" aria-label="Barcode scanner">
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : (
        <>
          <video ref={video} muted playsInline aria-label="Camera preview" />
          <p role="status" className="muted">
            {ready ? "Point the camera at the barcode." : "Opening the camera…"}
          </p>
        </>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        Close the camera
      </button>
    </section>
  );
}
