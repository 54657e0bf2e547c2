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
  const latestOnChange = useRef(onChange)
  latestOnChange.current = onChange
  useEffect(() => setText(value), [value])
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
