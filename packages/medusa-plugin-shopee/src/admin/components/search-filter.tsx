import { Input, Label } from "@medusajs/ui"
import { useEffect, useId, useRef, useState } from "react"

/** A list's search: typing searches once the operator pauses (or presses Enter); the value lives in the URL like the other filters. */
export const SearchFilter = ({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string
  placeholder: string
  value: string
  onChange: (value: string) => void
}) => {
  const id = useId()
  const [text, setText] = useState(value)
  // A new value from the URL (Back, a link, a cleared filter) replaces what is typed, during render as React advises.
  const [shownValue, setShownValue] = useState(value)
  if (value !== shownValue) {
    setShownValue(value)
    setText(value)
  }
  const latestOnChange = useRef(onChange)
  useEffect(() => {
    latestOnChange.current = onChange
  })
  useEffect(() => {
    if (text.trim() === value) return
    const timer = setTimeout(() => latestOnChange.current(text.trim()), 350)
    return () => clearTimeout(timer)
  }, [text, value])
  return (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={id} size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Label>
      <Input
        id={id}
        size="small"
        type="search"
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onChange(text.trim())
        }}
      />
    </div>
  )
}
